export declare const root: string;
export declare const stagingDir: string;
export declare const generatedDir: string;
export declare const contractsDir: string;
