export declare function testDatabaseUrl(name: string, port: number | string): string;
export declare function e2eDatabaseUrl(): string;
export declare function emptyTestDatabase(url: string): Promise<void>;
