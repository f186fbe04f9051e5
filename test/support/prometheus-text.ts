/** One sample of Prometheus' text format: `name{label="value",...} 12`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a /metrics answer (comments and blank lines skipped); throws on a line it cannot read. */
export function parsePrometheusText(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match?.[1] || match[3] === undefined) throw new Error(`not a Prometheus sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
        labels[pair[1] as string] = (pair[2] as string).replace(/\\(.)/g, '$1');
      }
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The value of the sample with this name whose labels include `labels`; undefined when there is none. */
export function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}

/** GET /metrics on a port, parsed (fails on anything but 200 with Prometheus' content type). */
export async function scrape(port: number, token?: string): Promise<Sample[]> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
    ...(token && { headers: { authorization: `Bearer ${token}` } }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}: ${body}`);
  if (!response.headers.get('content-type')?.startsWith('text/plain; version=0.0.4'))
    throw new Error(`GET /metrics answered ${response.headers.get('content-type')}`);
  return parsePrometheusText(body);
}
