// The stand-ins of taro-shim.ts and what tests read from them.

export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch';
  url: string;
}

/** Every navigation a page asked for, in order. */
export const navigations: Navigation[] = [];

export function recordNavigation(api: Navigation['api']) {
  return async (options: { url: string }) => {
    navigations.push({ api, url: options.url });
    return { errMsg: `${api}:ok` };
  };
}

let nextPick: string[] | null = null;
/** How many photos the page last allowed the resident to pick. */
export const imagePicks: { count: number | undefined }[] = [];

/** The photos the resident picks the next time the page opens the picker (else they cancel). */
export function pickImagesNext(paths: string[]): void {
  nextPick = paths;
}

export async function fakeChooseImage(options: { count?: number } = {}) {
  imagePicks.push({ count: options.count });
  const picked = nextPick;
  nextPick = null;
  if (!picked) throw { errMsg: 'chooseImage:fail cancel' };
  const paths = picked.slice(0, options.count ?? 9);
  return {
    tempFilePaths: paths,
    tempFiles: paths.map((path) => ({ path, size: 1000, type: 'image/jpeg' })),
    errMsg: 'chooseImage:ok',
  };
}

export function resetTaroFakes(): void {
  navigations.length = 0;
  imagePicks.length = 0;
  nextPick = null;
}
