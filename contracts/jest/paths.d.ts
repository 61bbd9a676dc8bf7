export declare const root: string;
export declare const stagingRoot: string;
export declare function runStagingDir(): string;
export declare const generatedDir: string;
export declare const contractsDir: string;
