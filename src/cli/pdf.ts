/** PDF briefings (placeholder until the PDF renderer lands: renders nothing). */
export async function renderBriefings(_: {site: string; out: string; log: (line: string) => void}): Promise<void> {}
