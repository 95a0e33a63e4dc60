/**
 * The commonest passwords (and the words they are built from), compared after lower-casing and after
 * stripping leading and trailing digits and symbols: "Password2026!" is "password". A small list on
 * purpose: the length rule does most of the work; this list stops the guesses every cracker tries
 * first, including the pinyin and local words a county's staff would reach for.
 */
// biome-ignore format: a word list reads better packed than one word a line
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'passwort', 'pass', 'secret', 'letmein', 'welcome',
  'admin', 'administrator', 'root', 'login', 'master', 'changeme', 'default', 'guest', 'user', 'test',
  'iloveyou', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess', 'shadow', 'superman',
  'qwerty', 'qwertyuiop', 'qwerty123', 'asdfgh', 'asdfghjkl', 'zxcvbnm', 'qazwsx', 'qazwsxedc', '1qaz2wsx',
  '1q2w3e4r', '1q2w3e4r5t', 'abc123', 'abcdef', 'abcdefg', 'abcdefgh', 'a1b2c3', 'aa123456', 'a123456',
  'a123456789', 'abcd1234', 'qwer1234', 'asdf1234', 'zxcv1234', 'test1234', 'admin123', 'admin888',
  'welcome1', 'password1', 'trustno1', 'starwars', 'whatever', 'computer', 'internet', 'hello', 'freedom',
  '123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', '987654321', '0987654321',
  '111111', '11111111', '000000', '00000000', '666666', '66666666', '888888', '88888888', '999999', '123123',
  '123123123', '112233', '121212', '520520', '5201314', '1314520', '147258369', '159357', '123321', '654321',
  '7758521', '20262026', '20252025', 'woaini', 'woaini1314', 'woaini520', 'wangyi', 'zhangwei', 'wangwei',
  'liwei', 'zhang', 'wang', 'li', 'nihao', 'aini1314', 'iloveu', 'qq123456', 'taobao', 'weixin', 'wechat',
  'baidu', 'zhongguo', 'china', 'beijing', 'shanghai', 'fuckyou', 'huawei', 'xiaomi', 'mima', 'mima123',
  'zhanghao', 'yonghu', 'lishu', 'lishuxian', 'lishu@', 'siping', 'jilin', 'jilinsheng', 'changchun',
  'zhengwu', 'zhengfu', 'zwfw', 'gov', 'govcn', 'onewindow', 'yiwangtongban', 'yichuang', 'shuzihua',
  'fazhi',
]);
