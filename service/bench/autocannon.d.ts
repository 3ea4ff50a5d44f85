// Minimal typing of the autocannon API the benchmark uses (the package ships no types).
declare module 'autocannon' {
    interface Options {
        url: string;
        method?: 'GET' | 'POST';
        headers?: Record<string, string>;
        body?: string;
        connections?: number;
        duration?: number;
    }
    interface Histogram {
        average: number;
        p50: number;
        p99: number;
    }
    interface Result {
        latency: Histogram;
        requests: Histogram;
        throughput: Histogram;
        errors: number;
        non2xx: number;
    }
    function autocannon(options: Options): Promise<Result>;
    export default autocannon;
}
