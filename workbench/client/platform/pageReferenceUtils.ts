// Local stand-in for the org, workbench only: `lightning/pageReferenceUtils`.
export function encodeDefaultFieldValues(values: Record<string, unknown>): string {
    return Object.entries(values)
        .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
        .join(',');
}

export function decodeDefaultFieldValues(encoded: string): Record<string, string> {
    return Object.fromEntries(
        encoded
            .split(',')
            .filter(Boolean)
            .map((pair) => {
                const [key, value = ''] = pair.split('=');
                return [key!, decodeURIComponent(value)];
            })
    );
}
