export interface PromotionRun {
  stagingDir: string;
  generatedDir: string;
  expectedFiles: string[];
  results: { file: string; passed: boolean }[];
  interrupted: boolean;
}
export declare function promotePacts(run: PromotionRun): {
  promoted: boolean;
  reason: string;
  changed: number;
};
export declare function listPactFiles(dir: string): string[];
