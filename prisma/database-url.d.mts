export type Provider = "sqlite" | "postgresql";
export declare const projectRoot: string;
export declare function providerOf(url: string): Provider;
export declare function databaseUrl(): string;
export declare function prismaPaths(provider: Provider): { schema: string; migrations: string };
export declare function postgresAddress(url: string): string;
