/** What `npm start` prints. The API key is a secret even when throwaway: only a recognisable hint is shown. */
export function maskSecret(secret: string): string {
    return secret.length <= 12 ? '…' : `${secret.slice(0, 6)}…${secret.slice(-2)} (${secret.length} characters)`;
}

export interface BannerInput {
    serviceUrl: string;
    workbenchUrl: string;
    /** Which org the twin serves, e.g. "generated sample org, 400 deals". */
    orgDescription: string;
    apiKey: string;
}

export function startBanner({ serviceUrl, workbenchUrl, orgDescription, apiKey }: BannerInput): string[] {
    return [
        `Service:          ${serviceUrl}  (health /healthz, contract /openapi.json)`,
        `Workbench:        ${workbenchUrl}/?page=record   (Opportunity record page)`,
        `                  ${workbenchUrl}/?page=review   (Pipeline Review tab)`,
        `                  ${workbenchUrl}/?page=development   (Rep Development tab)`,
        `Org: ${orgDescription} (local stand-in for the org; writes last until you stop). API key: ${maskSecret(apiKey)}`,
        'Press Ctrl-C to stop.'
    ];
}
