/**
 * Reads a GeoJSON FeatureCollection that arrives in pieces, handing out each feature's JSON text
 * as soon as it is complete and keeping the rest (metadata, vocabularies, programmes, sources)
 * as the envelope, with an empty `features` array.
 *
 * Why: a JavaScript string holds at most about 512 million characters, so a dataset of a million
 * actors (about 1 GB) cannot be read with `response.text()` and `JSON.parse` at all, and the
 * parsed objects of the whole file at once would need several gigabytes. Read a feature at a
 * time, each record is parsed and checked while the next bytes arrive, and only what the app
 * keeps stays in memory.
 *
 * Only the structure is followed here (strings, escapes, nesting); JSON.parse still decides
 * whether each piece is valid JSON.
 */

const QUOTE = 0x22;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

export class FeatureStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeatureStreamError';
  }
}

export class FeatureSplitter {
  /** Nesting depth before the current character: 1 inside the top-level object. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The text of the last string that ended at depth 1 (a key of the top-level object). */
  private key = '';
  private keyStart = -1;
  private keyPieces: string[] = [];
  /** 'envelope' outside the features array; 'between' inside it, between features. */
  private mode: 'envelope' | 'between' | 'feature' = 'envelope';
  private envelope: string[] = [];
  private feature: string[] = [];
  private sawFeatures = false;

  /** Takes the next piece of text; calls onFeature with each feature it completes, in order. */
  push(chunk: string, onFeature: (json: string) => void): void {
    // Where the part of this chunk that belongs to the envelope (or the current feature) starts.
    let from = 0;
    const n = chunk.length;
    // Most characters are inside strings: jump from one quote or backslash to the next.
    let nextQuote = -1;
    let nextBackslash = -1;
    for (let i = 0; i < n; i++) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        if (nextQuote < i) nextQuote = indexOrEnd(chunk, '"', i);
        if (nextBackslash < i) nextBackslash = indexOrEnd(chunk, '\\', i);
        if (nextBackslash < nextQuote) {
          this.escaped = true;
          i = nextBackslash;
          continue;
        }
        i = nextQuote;
        if (i === n) break;
        this.inString = false;
        if (this.depth === 1 && this.mode === 'envelope') {
          this.keyPieces.push(chunk.slice(Math.max(this.keyStart, 0), i));
          this.key = this.keyPieces.join('');
          this.keyPieces = [];
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.mode === 'envelope') {
          this.keyStart = i + 1;
          this.keyPieces = [];
        }
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (this.mode === 'between') {
          if (c !== OPEN_OBJECT) throw new FeatureStreamError('a feature is not an object');
          this.mode = 'feature';
          from = i;
        } else if (
          this.mode === 'envelope' &&
          this.depth === 1 &&
          c === OPEN_ARRAY &&
          this.key === 'features'
        ) {
          if (this.sawFeatures) throw new FeatureStreamError('two "features" arrays');
          this.sawFeatures = true;
          // The envelope keeps an empty array in its place.
          this.envelope.push(chunk.slice(from, i + 1));
          this.mode = 'between';
        }
        this.depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        this.depth--;
        if (this.depth < 0) throw new FeatureStreamError('unbalanced brackets');
        if (this.mode === 'feature' && this.depth === 2) {
          this.feature.push(chunk.slice(from, i + 1));
          onFeature(
            this.feature.length === 1 ? (this.feature[0] as string) : this.feature.join(''),
          );
          this.feature = [];
          this.mode = 'between';
        } else if (this.mode === 'between' && this.depth === 1) {
          // The end of the features array: the envelope goes on from its closing bracket.
          this.mode = 'envelope';
          from = i;
        }
      }
    }
    if (this.inString && this.depth === 1 && this.mode === 'envelope') {
      // A key split across chunks.
      this.keyPieces.push(chunk.slice(Math.max(this.keyStart, 0)));
      this.keyStart = 0;
    }
    if (this.mode === 'feature') this.feature.push(chunk.slice(from));
    else if (this.mode === 'envelope') this.envelope.push(chunk.slice(from));
  }

  /** The envelope's JSON text, once the whole file has been pushed. */
  end(): string {
    if (this.mode !== 'envelope' || this.depth !== 0 || this.inString)
      throw new FeatureStreamError('the file ends in the middle of a value');
    return this.envelope.join('');
  }
}
