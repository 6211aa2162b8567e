import type { KindEntry } from '@/data/schema.ts';
import { PALETTE } from '@/domain/palette.ts';
import { shapePolygon, svgPoints } from '@/domain/shapes.ts';

/** The map marker of a kind, as SVG: the legend and the list show exactly what the map draws. */
export function KindSymbol({
  kind,
  size = 18,
}: {
  kind: Pick<KindEntry, 'color' | 'shape'>;
  size?: number;
}) {
  const polygon = shapePolygon(kind.shape);
  const inset = 2;
  const common = { fill: kind.color, stroke: PALETTE.markerOutline, strokeWidth: 1.5 };
  return (
    <svg
      className="kind-symbol"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
      focusable="false"
    >
      {polygon ? (
        <polygon points={svgPoints(polygon, size, inset)} strokeLinejoin="round" {...common} />
      ) : (
        <circle cx={size / 2} cy={size / 2} r={size / 2 - inset} {...common} />
      )}
    </svg>
  );
}
