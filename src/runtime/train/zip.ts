import { unzip, type Unzipped } from 'fflate';

/**
 * The files of a zip (fflate): path → bytes, folders and hidden entries left out by the listing that
 * reads them. Rejects with the library's words when the file is not a zip or is damaged.
 */
export function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  return new Promise((resolve, reject) => {
    unzip(bytes, (error: Error | null, files: Unzipped) => {
      if (error !== null) {
        reject(error);
        return;
      }
      const out = new Map<string, Uint8Array>();
      for (const [path, data] of Object.entries(files)) if (!path.endsWith('/')) out.set(path, data);
      resolve(out);
    });
  });
}
