// The local stand-in for WeChat's content check: a short list of words that are never published
// (`risky`) and of words that need a person to look (`review`). Kept in the repository, reviewed
// like code. Matching is on the text with spaces and common separators removed.

export const RISKY_WORDS: readonly string[] = ['赌博', '博彩', '代开发票', '枪支', '毒品', '诈骗', '色情', '裸聊'];

export const REVIEW_WORDS: readonly string[] = ['加微信', '加我微信', '免费领取', '二维码', '私聊', 'http://', 'https://', 'www.'];
