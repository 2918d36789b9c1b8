/** Where a session meets, as the supervisee needs to know it: a place, a link, or both. */
export interface MeetingPlace {
  place: string | null;
  remoteLink: string | null;
}

const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/** Whether the text is a web address that may be made a link (never `javascript:` and kin). */
export function isWebAddress(text: string | null): text is string {
  return text !== null && WEB_ADDRESS.test(text.trim());
}

/**
 * A session's own place replaces the contract's place and link for that session; it may be
 * a street address or a meeting link.
 */
export function meetingPlace(
  sessionLocation: string | null,
  contract: { location: string | null; remoteLink: string | null },
): MeetingPlace {
  if (sessionLocation?.trim()) {
    return isWebAddress(sessionLocation)
      ? { place: null, remoteLink: sessionLocation.trim() }
      : { place: sessionLocation, remoteLink: null };
  }
  return { place: contract.location || null, remoteLink: contract.remoteLink || null };
}
