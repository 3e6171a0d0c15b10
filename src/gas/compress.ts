/** gzip + base64 through Utilities, so snapshots fit in cells without a Drive scope. */
export function compressToBase64(text: string): string {
  const blob = Utilities.newBlob(text, 'application/json', 'snapshot.json');
  return Utilities.base64Encode(Utilities.gzip(blob).getBytes());
}

export function decompressFromBase64(data: string): string {
  const blob = Utilities.newBlob(Utilities.base64Decode(data), 'application/x-gzip', 'snapshot.json.gz');
  return Utilities.ungzip(blob).getDataAsString('UTF-8');
}
