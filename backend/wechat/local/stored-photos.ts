import type { Store } from '../../app/ports/store.port';
import type { PhotoOwnership } from '../../app/ports/photo-ownership.port';

/** Local mode: a photo is the caller's when `POST /api/upload` stored it for them. */
export class StoredPhotos implements PhotoOwnership {
  constructor(private readonly store: Pick<Store, 'findFile'>) {}

  async owns(openid: string, fileId: string): Promise<boolean> {
    return (await this.store.findFile(fileId))?.ownerOpenid === openid;
  }
}
