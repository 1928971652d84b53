export declare const projectRoot: string;
export declare function databaseUrl(): string;
