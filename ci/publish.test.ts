import { assertCommitted } from './publish';

describe('assertCommitted', () => {
  it('passes a clean folder, and a folder outside git', () => {
    expect(() => assertCommitted('/repo/generated-pacts', () => '')).not.toThrow();
    expect(() => assertCommitted('downloaded-pacts', () => undefined)).not.toThrow();
  });

  it('refuses to publish pacts that the commit does not contain, naming them', () => {
    const status = ' M generated-pacts/frontend-platform-lms.json';
    expect(() => assertCommitted('/repo/generated-pacts', () => status)).toThrow(
      /^\[ci\] Failed to publish the pacts: .*has uncommitted changes[\s\S]*frontend-platform-lms\.json[\s\S]*Commit the contract change together with its regenerated pacts/,
    );
  });
});
