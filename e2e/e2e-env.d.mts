export declare const E2E_AUTH_SECRET: string;
