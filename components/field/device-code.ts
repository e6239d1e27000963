// Respondent codes made on the device, for a respondent described while offline. The server
// makes a code for an empty one too, but only when the interview arrives; a code made here can
// be written on the respondent's card at once. Eight characters from an alphabet without
// look-alikes (0/O, 1/I) give 32^8 (about 10^12) codes, so two devices, or two interviews on
// one device, drawing the same code is negligible even over years of interviews; the shape
// R-XXXX-XXXX never matches a code the server makes (R-XXXXXX), so those never collide.

/** The alphabet the server uses for the codes it makes: no 0, 1, I or O. */
export const DEVICE_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const LENGTH = 8;

/**
 * A code such as "R-7KQ2-XM4D". `random` fills an array with random bytes (the browser's
 * crypto.getRandomValues); only bytes below the largest multiple of the alphabet's size are
 * used, so every character is equally likely.
 */
export function deviceRespondentCode(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const size = DEVICE_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  const chars: string[] = [];
  while (chars.length < LENGTH) {
    for (const byte of random(new Uint8Array(LENGTH * 2))) {
      if (byte >= limit) continue;
      chars.push(DEVICE_CODE_ALPHABET[byte % size]!);
      if (chars.length === LENGTH) break;
    }
  }
  return `R-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}
