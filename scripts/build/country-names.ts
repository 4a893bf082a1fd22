/**
 * English short names of the countries the dataset can mention, by ISO 3166-1
 * alpha-2 code. A fixed table rather than Intl.DisplayNames, whose names follow
 * the ICU version bundled with each Node release ("Czech Republic"/"Czechia",
 * "Turkey"/"Türkiye"): the same code gives the same name in every build.
 * A station in a country missing here fails the build with a tip to add it.
 */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  AE: 'United Arab Emirates', AR: 'Argentina', AT: 'Austria', AU: 'Australia', BD: 'Bangladesh', BE: 'Belgium', BG: 'Bulgaria',
  BR: 'Brazil', CA: 'Canada', CH: 'Switzerland', CL: 'Chile', CN: 'China', CO: 'Colombia', CU: 'Cuba', CY: 'Cyprus', CZ: 'Czechia', DE: 'Germany',
  DK: 'Denmark', EC: 'Ecuador', EE: 'Estonia', EG: 'Egypt', ES: 'Spain', ET: 'Ethiopia', FI: 'Finland', FJ: 'Fiji', FR: 'France',
  GB: 'United Kingdom', GR: 'Greece', HK: 'Hong Kong', HR: 'Croatia', HU: 'Hungary', ID: 'Indonesia', IE: 'Ireland', IL: 'Israel',
  IN: 'India', IS: 'Iceland', IT: 'Italy', JP: 'Japan', KE: 'Kenya', KH: 'Cambodia', KR: 'South Korea', KZ: 'Kazakhstan', LA: 'Laos',
  LK: 'Sri Lanka', LS: 'Lesotho', LT: 'Lithuania', LU: 'Luxembourg', LV: 'Latvia', MA: 'Morocco', MM: 'Myanmar', MN: 'Mongolia',
  MO: 'Macao', MT: 'Malta', MX: 'Mexico', MY: 'Malaysia', MZ: 'Mozambique', NA: 'Namibia', NG: 'Nigeria', NL: 'Netherlands',
  NO: 'Norway', NP: 'Nepal', NZ: 'New Zealand', PA: 'Panama', PE: 'Peru', PH: 'Philippines', PK: 'Pakistan', PL: 'Poland',
  PT: 'Portugal', RO: 'Romania', RS: 'Serbia', RU: 'Russia', SE: 'Sweden', SG: 'Singapore', SI: 'Slovenia', SK: 'Slovakia',
  TH: 'Thailand', TR: 'Türkiye', TW: 'Taiwan', TZ: 'Tanzania', UA: 'Ukraine', UG: 'Uganda', US: 'United States', UZ: 'Uzbekistan',
  VA: 'Vatican City', VE: 'Venezuela', VN: 'Vietnam', ZA: 'South Africa', ZM: 'Zambia', ZW: 'Zimbabwe',
};

export function countryName(code: string | undefined): string | undefined {
  return code === undefined ? undefined : COUNTRY_NAMES[code];
}
