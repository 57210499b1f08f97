import Taro from '@tarojs/taro';

/**
 * The weapp's download of me.export: the text is written to the mini-program's user folder and
 * offered to be sent to a chat (wx.shareFileMessage), where the person keeps it. Answers a message
 * to show when it did not work (a refusal of the privacy prompt included: errno 104).
 */
export async function saveTextFile(fileName: string, text: string): Promise<string | null> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
  } catch {
    return '手机存储空间不足，未能保存文件';
  }
  try {
    await Taro.shareFileMessage({ filePath, fileName });
    return null;
  } catch (error) {
    const { errno, errMsg } = (error ?? {}) as { errno?: number; errMsg?: string };
    if (errno === 104 || errno === 112) return '需要先同意隐私保护指引，才能发送文件';
    if (errMsg && /cancel/i.test(errMsg)) return null;
    return '未能发送文件，请稍后再试';
  }
}
