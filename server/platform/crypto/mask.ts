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
