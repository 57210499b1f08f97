import type { PhotoOwnership } from '../app/ports/photo-ownership.port';

/**
 * Photos in WeChat: the mini-program uploads each photo to the environment's cloud storage under
 * the caller's own folder, `proposals/<openid>/<name>`, and sends the file ids
 * (`cloud://<env>.<bucket>/proposals/<openid>/<name>`). The server refuses any other file id:
 * a proposal cannot show someone else's upload, a file of another environment or a path that
 * climbs out of the folder.
 */

export const PHOTO_FOLDER = 'proposals';

/** The cloud-storage path the client uploads a photo to. */
export function photoPathFor(openid: string, name: string): string {
  return `${PHOTO_FOLDER}/${openid}/${name}`;
}

const FILE_ID = /^cloud:\/\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\/(.+)$/;
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** True when `fileId` is a file of `env` (when known) in the folder of `openid`. */
export function isOwnPhoto(fileId: string, openid: string, env?: string): boolean {
  const match = FILE_ID.exec(fileId);
  if (!match) return false;
  const [, fileEnv, , path] = match;
  if (env && fileEnv !== env) return false;
  const parts = path.split('/');
  return parts.length === 3 && parts[0] === PHOTO_FOLDER && parts[1] === openid && NAME.test(parts[2]) && !parts[2].includes('..');
}

/** WeChat: a photo is the caller's when it lies in their own folder of this environment's storage. */
export class CloudPhotos implements PhotoOwnership {
  constructor(private readonly env?: string) {}

  async owns(openid: string, fileId: string): Promise<boolean> {
    return isOwnPhoto(fileId, openid, this.env);
  }
}
