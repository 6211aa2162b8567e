import { highlightRanges } from '@/domain/highlight.ts';

/** Text with the search terms marked; plain React text nodes, never HTML. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const ranges = highlightRanges(text, terms);
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
