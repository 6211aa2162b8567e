/**
 * Columns of strings packed for the trip from the dataset worker to the page.
 *
 * Why: postMessage copies an array of strings one string at a time, and the page pays for each
 * when it reads the message. At a million actors the summary's nine string columns took 1.2 s of
 * the page's thread to arrive. Packed, a column is either a few distinct values and a typed array
 * of codes (kind, municipality, precision: three of them repeat a handful of values a million
 * times), or one long string and the end of each entry in it; both cross as a handful of objects.
 * Unpacking makes an ordinary array again, so nothing beyond the worker protocol changes.
 */

export type StringColumn = readonly (string | null)[];

export type PackedColumn =
  | {
      packing: 'codes';
      values: (string | null)[];
      codes: Uint8Array | Uint16Array | Uint32Array;
    }
  | {
      packing: 'joined';
      text: string;
      /** End of entry i in text; its start is the end of entry i - 1. */
      ends: Uint32Array;
      /** 1 for a null entry; absent when there is none. */
      nulls: Uint8Array | null;
    }
  | { packing: 'none'; values: StringColumn };

/** More distinct values than this, or than half the entries, and a column is joined instead. */
const MAX_CODES = 0xffff;
/** A joined column stays well below the longest string V8 allows (about 512 million). */
const MAX_JOINED_LENGTH = 256 * 1024 * 1024;
/** Entries looked at before a column that is mostly distinct values is given up as codes. */
const SAMPLE = 1024;

function codesFor(column: StringColumn): PackedColumn | null {
  const limit = Math.min(MAX_CODES, Math.floor(column.length / 2));
  const codeOf = new Map<string | null, number>();
  const values: (string | null)[] = [];
  const codes = limit < 0x100 ? new Uint8Array(column.length) : new Uint16Array(column.length);
  for (let i = 0; i < column.length; i++) {
    // Mostly distinct so far (names, ids): not worth counting on to the limit.
    if (i === SAMPLE && values.length > SAMPLE / 4) return null;
    const value = column[i] as string | null;
    let code = codeOf.get(value);
    if (code === undefined) {
      if (values.length >= limit) return null;
      code = values.length;
      codeOf.set(value, code);
      values.push(value);
    }
    codes[i] = code;
  }
  return { packing: 'codes', values, codes };
}

export function packColumn(column: StringColumn): PackedColumn {
  const coded = codesFor(column);
  if (coded) return coded;
  const ends = new Uint32Array(column.length);
  let nulls: Uint8Array | null = null;
  let length = 0;
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (value === null || value === undefined) {
      nulls ??= new Uint8Array(column.length);
      nulls[i] = 1;
    } else length += value.length;
    if (length > MAX_JOINED_LENGTH) return { packing: 'none', values: column };
    ends[i] = length;
  }
  return { packing: 'joined', text: column.join(''), ends, nulls };
}

export function unpackColumn(packed: PackedColumn): (string | null)[] {
  if (packed.packing === 'none') return [...packed.values];
  const out = new Array<string | null>(
    packed.packing === 'codes' ? packed.codes.length : packed.ends.length,
  );
  if (packed.packing === 'codes') {
    const { values, codes } = packed;
    for (let i = 0; i < codes.length; i++) out[i] = values[codes[i] as number] as string | null;
    return out;
  }
  const { text, ends, nulls } = packed;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] as number;
    out[i] = nulls && nulls[i] === 1 ? null : text.slice(start, end);
    start = end;
  }
  return out;
}

/** The buffers of a packed column, which can move to the page without a copy. */
export function packedBuffers(packed: PackedColumn): ArrayBuffer[] {
  if (packed.packing === 'codes') return [packed.codes.buffer as ArrayBuffer];
  if (packed.packing === 'joined')
    return [
      packed.ends.buffer as ArrayBuffer,
      ...(packed.nulls ? [packed.nulls.buffer as ArrayBuffer] : []),
    ];
  return [];
}
