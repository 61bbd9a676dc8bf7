import { Alert, Container } from '@openedx/paragon';
import type { Diagnosis } from './diagnose';
import { ErrorPage } from './platform';

/**
 * What the MFE shows when frontend-platform publishes APP_INIT_ERROR: the diagnosis first (what
 * is wrong, the evidence, what to do), then the platform's own ErrorPage with its raw message,
 * as a real MFE shows it.
 */
export function InitErrorPage({ diagnosis, message }: { diagnosis: Diagnosis; message: string }) {
  return (
    <Container size="md" className="py-5" data-testid="init-error">
      <h1 className="h3">The example MFE could not start</h1>
      <Alert variant="danger">
        <p className="font-weight-bold" data-testid="init-error-summary">
          {diagnosis.summary}
        </p>
        <p data-testid="init-error-detail">{diagnosis.detail}</p>
        <p className="mb-0" data-testid="init-error-hint">
          What to do: {diagnosis.hint}
        </p>
      </Alert>
      <ErrorPage message={message} />
    </Container>
  );
}
