/** A file the pane hands to the browser to save: the receipts, the bulletin, the feedback and drafts. */
export interface Download {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** Hands bytes to the browser as a download (the webview's own save prompt, where it has one). */
export function saveDownload(download: Download): void {
  const blob = new Blob([download.bytes as Uint8Array<ArrayBuffer>], { type: download.type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = download.name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
