/** Country names for ISO 3166-1 alpha-2 codes, from the runtime's CLDR data (Intl.DisplayNames). */
const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** `IT` → `Italy`; an unknown code stays the code. */
export function countryName(code: string): string {
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** `IT` → `Italy (IT)`: the name next to the code. */
export const countryLabel = (code: string): string => {
  const name = countryName(code);
  return name === code ? code : `${name} (${code})`;
};

/** `zh` → `Chinese`; an unknown code stays the code. */
export function languageName(code: string): string {
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}
