// The local stand-in for WeChat's content check, kept in the repository and reviewed like code.
// Only terms that are wrong whatever the sentence around them: a resident who reports gambling
// in the stairwell, or a talk on fraud prevention (长者防诈骗讲座), must get through, so words
// such as 赌博, 诈骗 or 毒品 alone are not here. Matched on folded text (normalize-text.ts):
// no spaces, punctuation or symbols, simplified characters, lowercase.

/** Never published: the promotion of gambling, fake invoices, solicitation of sex chat. */
export const RISKY_WORDS: readonly string[] = [
  // Gambling offered, not reported.
  '网上赌场',
  '网络赌场',
  '网路赌场',
  '线上赌场',
  '在线赌场',
  '赌博网站',
  '博彩网站',
  '博彩平台',
  '网上博彩',
  '网络博彩',
  '线上博彩',
  '在线博彩',
  '百家乐',
  '六合彩',
  '时时彩',
  '真人荷官',
  '菠菜平台',
  '下注返水',
  // Invoices for sale.
  '代开发票',
  '发票代开',
  '代开增值税',
  '代开专票',
  '代开普票',
  '出售发票',
  '买卖发票',
  '假发票',
  '裸聊',
];

/** Published only after a community worker looks: links and invitations to talk elsewhere. */
export const REVIEW_WORDS: readonly string[] = ['加微信', '加我微信', '加vx', '加威信', '免费领取', '扫码领取'];

/** A link, in the text with its spaces removed: a scheme, `www.` or a host name with a common top-level domain. */
export const LINK = /(https?:\/\/|www\.|[a-z0-9][a-z0-9-]*\.(com|cn|net|org|top|xyz|vip|cc|me|io|app|info|site|shop|club|tk|ly)(?![a-z]))/;

/**
 * Civic phrases that contain a blocked word and are taken out before matching. 防诈骗, 反诈,
 * 禁毒 and 禁赌 campaigns are what the programme funds.
 */
export const CIVIC_PHRASES: readonly string[] = ['防诈骗', '防诈', '反诈骗', '反诈', '禁毒', '禁赌', '反赌', '防赌'];
