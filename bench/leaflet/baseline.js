/* global L */
/**
 * The Leaflet baseline: the same dataset file, drawn the way most ecosystem maps are built — one
 * L.marker per actor (a small divIcon and a popup with its name), all in an L.markerClusterGroup
 * with its defaults. A filter is what such maps do: clearLayers() and addLayers() with the actors
 * that match, by the same rule as ours (sector facet: the actor lists that sector).
 *
 * Reports to the page, for bench/browser/leaflet-metrics.ts:
 *   window.baseline.firstRender  ms since navigation start when the first clusters were painted
 *   window.baseline.applyFilter(sectorId | null) → Promise<ms> from the call to the next paint
 *   window.baseline.error        a message if anything failed
 * The map's size comes from ?w=&h= so that it matches the app's map.
 */
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const container = document.getElementById('map');
  container.style.width = `${Number(params.get('w')) || 900}px`;
  container.style.height = `${Number(params.get('h')) || 700}px`;

  /** Resolves after the next paint: one frame, then a task (the frame's paint has happened). */
  const nextPaint = () =>
    new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  const baseline = { firstRender: null, error: null, markers: 0, applyFilter: null };
  window.baseline = baseline;

  // A tile layer would bring maxZoom 18 (OpenStreetMap); without one, markercluster needs it set.
  const map = L.map(container, { maxZoom: 18 });
  const icon = L.divIcon({ className: 'actor-marker', iconSize: [12, 12] });

  fetch('/data/aktorskartan.geojson', { headers: { Accept: 'application/geo+json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then(async (data) => {
      const items = [];
      for (const feature of data.features) {
        const geometry = feature.geometry;
        if (!geometry || geometry.type !== 'Point') continue;
        const [lon, lat] = geometry.coordinates;
        const marker = L.marker([lat, lon], { icon, title: feature.properties.name });
        marker.bindPopup(feature.properties.name);
        items.push({ marker, sectors: feature.properties.sectors || [] });
      }
      const all = items.map((item) => item.marker);
      map.fitBounds(L.latLngBounds(all.map((m) => m.getLatLng())), { padding: [48, 48] });
      const group = L.markerClusterGroup();
      // As the plugin's own 50,000-marker example does: add all at once, then add to the map.
      group.addLayers(all);
      map.addLayer(group);
      await nextPaint();
      if (!container.querySelector('.marker-cluster, .actor-marker'))
        throw new Error('nothing drawn');
      baseline.firstRender = performance.now();
      baseline.markers = all.length;

      baseline.applyFilter = async (sector) => {
        const t0 = performance.now();
        const chosen = sector
          ? items.filter((item) => item.sectors.includes(sector)).map((item) => item.marker)
          : all;
        group.clearLayers();
        group.addLayers(chosen);
        await nextPaint();
        return performance.now() - t0;
      };
    })
    .catch((error) => {
      baseline.error = String(error && error.message ? error.message : error);
    });
})();
