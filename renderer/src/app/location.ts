/**
 * What is open lives in the URL hash (#conference=<path>&part=<id>), so a reload in
 * browser mode, or a restart, comes back to the same place.
 */
export interface Place {
  conference?: string;
  part?: string;
}

export function readPlace(): Place {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return { conference: params.get('conference') ?? undefined, part: params.get('part') ?? undefined };
}

export function writePlace(place: Place): void {
  const params = new URLSearchParams();
  if (place.conference) params.set('conference', place.conference);
  if (place.part) params.set('part', place.part);
  const hash = params.toString();
  window.history.replaceState(null, '', hash ? `#${hash}` : window.location.pathname + window.location.search);
}
