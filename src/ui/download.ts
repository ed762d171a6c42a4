/** Saves a value as pretty-printed JSON through the browser's download. */
export function downloadJson(fileName: string, value: unknown): void {
  download(
    new File([`${JSON.stringify(value, null, 2)}\n`], fileName, { type: 'application/json' }),
  );
}

/** Saves a file through the browser's download, from a temporary object URL. */
export function download(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
