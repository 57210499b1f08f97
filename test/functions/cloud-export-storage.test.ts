import { CloudExportStorage, type WxCloudFiles } from '../../backend/wechat/cloud.export-storage';
import { createWxServerSdkStandIn } from './support/wx-server-sdk.stand-in';

describe('exports in WeChat cloud storage', () => {
  it('puts the workbook under exports/<day>/ with an ASCII name and answers a temporary download URL', async () => {
    const standIn = createWxServerSdkStandIn();
    const storage = new CloudExportStorage(standIn.module as unknown as WxCloudFiles);
    const bytes = Buffer.from('PK workbook');
    const saved = await storage.save({ fileName: '沙头角街道-2026年项目清单-2026-12-05.xlsx', bytes, at: '2026-12-05T02:00:00.000Z' });
    const [[fileID, kept]] = [...standIn.uploaded.entries()];
    expect(fileID).toMatch(/\/exports\/2026-12-05\/[0-9a-f]{32}\.xlsx$/);
    expect(kept).toBe(bytes);
    expect(saved.url).toMatch(/^https:\/\/.+\/exports\/2026-12-05\/[0-9a-f]{32}\.xlsx\?sign=test$/);
  });

  it('fails loudly when cloud storage gives no download URL (the action answers internal)', async () => {
    const files: WxCloudFiles = {
      uploadFile: async () => ({ fileID: 'cloud://env/exports/x.xlsx' }),
      getTempFileURL: async () => ({ fileList: [{ fileID: 'cloud://env/exports/x.xlsx', tempFileURL: '', errMsg: 'STORAGE_EXCEED_AUTHORITY' }] }),
    };
    await expect(new CloudExportStorage(files).save({ fileName: 'a.xlsx', bytes: Buffer.from('x'), at: '2026-12-05T02:00:00.000Z' })).rejects.toThrow('STORAGE_EXCEED_AUTHORITY');
  });
});
