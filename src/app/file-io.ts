/** Offers `data` as a download named `fileName`. */
export function downloadFile(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  window.document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the document name: letters, digits, space, dot, dash and underscore survive. */
export function fileBaseName(documentName: string | undefined): string {
  const cleaned = (documentName ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+/, '')
    .slice(0, 100)
    // Trimmed after the cut, which may leave a dot, dash or space at the end, or half a surrogate pair.
    .replace(/[\s.-]*[\ud800-\udbff]?$/, '');
  return cleaned || 'deployment';
}
