import { pinyin } from 'pinyin-pro';

/**
 * Search keys of a name: full pinyin without tones, continuous (营业执照 → yingyezhizhao), and the
 * initials (yyzz). Letters and digits in the name are kept, lower-cased; punctuation is dropped.
 */
export function pinyinKeys(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true });
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    full: syllables.map(clean).join(''),
    initials: syllables.map((s) => clean(s).slice(0, 1)).join(''),
  };
}
