export declare function checkDatabaseUrl(url: string, options?: { create?: boolean }): Promise<string | null>;
