/** Masks an ID number or credit code for lists: first 4 and last 4 kept (`2203**********1234`). */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** Masks a mobile number for lists: first 3 and last 4 kept (`138****5678`). */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** Masks a personal name: the surname kept (`张*`, `欧阳**`is not attempted: first character only). */
export function maskName(value: string): string {
  // By code point: a surname outside the BMP (CJK Extension B, 𠈌) is one character, not two halves.
  const chars = Array.from(value);
  if (chars.length <= 1) return value;
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/**
 * Masks an address for every reader without the personal read: the administrative divisions at
 * its start (省 / 市 / 县 / 乡镇) are kept, the rest (village, street, house number) becomes a fixed
 * `****`, so neither the rest nor its length shows: `吉林省四平市梨树县梨树镇胜利街12号` →
 * `吉林省四平市梨树县梨树镇****`. An address that starts with no division is `****` whole.
 */
export function maskAddress(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const kept = DIVISIONS.exec(trimmed)?.[0] ?? '';
  return `${kept}${MASK}`;
}

const MASK = '****';
const NAME = '[\\u4e00-\\u9fff]{1,12}?';
/** Each division optional, in order: province, prefecture, county, township (names of 1–12 Han characters). */
const DIVISIONS = new RegExp(
  [
    `(?:${NAME}(?:省|自治区|特别行政区))?`,
    `(?:${NAME}(?:自治州|地区|盟|市))?`,
    `(?:${NAME}(?:自治县|县|区|旗|市))?`,
    `(?:${NAME}(?:镇|乡|街道|苏木))?`,
  ].join(''),
  'u',
);
