// Helpers shared by the component tests.

/** Lets pending promises (wire emissions, imperative Apex, re-renders) settle. */
export async function flushPromises(): Promise<void> {
    for (let i = 0; i < 5; i++) {
        await Promise.resolve();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
}

export function resetDom(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}

/** The text a person reads in an element: its text nodes joined by single spaces (the template drops the spaces). */
export function readableText(element: Node): string {
    const parts: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        if (text) parts.push(text);
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export function textOf(root: ParentNode, selector: string): string {
    const element = root.querySelector(selector);
    if (!element) throw new Error(`No element matches ${selector}`);
    return readableText(element);
}

export function allTextOf(root: ParentNode, selector: string): string[] {
    return Array.from(root.querySelectorAll(selector)).map(readableText);
}

/** Records the toasts an element dispatches. */
export function captureToasts(element: HTMLElement): Array<{ title: string; message: string; variant: string }> {
    const toasts: Array<{ title: string; message: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (event) => {
        toasts.push((event as CustomEvent).detail);
    });
    return toasts;
}
