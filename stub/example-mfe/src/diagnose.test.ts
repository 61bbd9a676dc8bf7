import {
  type DiagnosisConfig,
  diagnoseInitError,
  diagnoseStalledBoot,
  factsFromError,
  type Probe,
} from './diagnose';

const config: DiagnosisConfig = {
  LMS_BASE_URL: 'http://localhost:18000',
  LOGIN_URL: 'http://localhost:18000/login',
  REFRESH_ACCESS_TOKEN_ENDPOINT: 'http://localhost:18000/login_refresh',
  ACCESS_TOKEN_COOKIE_NAME: 'edx-jwt-cookie-header-payload',
  MFE_CONFIG_API_URL: 'http://localhost:18000/api/mfe_config/v1',
};
const PAGE = 'http://localhost:2999';

const probeAnswering: Probe = async () => 'answered';
const probeUnreachable: Probe = async () => 'unreachable';
const probeNeverCalled: Probe = async () => {
  throw new Error('the probe must not run when the request got a response');
};

/** The shape frontend-platform's processAxiosError gives an error (auth/utils.js). */
function platformError(message: string, customAttributes: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { customAttributes });
}

describe('factsFromError', () => {
  it('reads the request facts frontend-platform puts in customAttributes', () => {
    const error = platformError('Axios Error (Response): 404 - See custom attributes', {
      httpErrorType: 'api-response-error',
      httpErrorStatus: 404,
      httpErrorRequestUrl: 'http://localhost:18000/login_refresh',
      httpErrorRequestMethod: 'post',
      httpErrorResponseData: '{"title":"No interaction matched"}',
    });

    expect(factsFromError(error)).toEqual({
      message: 'Axios Error (Response): 404 - See custom attributes',
      httpErrorType: 'api-response-error',
      httpErrorStatus: 404,
      httpErrorRequestUrl: 'http://localhost:18000/login_refresh',
      httpErrorRequestMethod: 'post',
      httpErrorResponseData: '{"title":"No interaction matched"}',
    });
  });

  it('keeps the message of an error without attributes, and of a thrown string', () => {
    expect(factsFromError(new Error('boom'))).toMatchObject({ message: 'boom' });
    expect(factsFromError('boom')).toEqual({ message: 'boom' });
  });
});

describe('diagnoseInitError', () => {
  it('names the request and the config key when the LMS answers 404 (a wrong LMS URL)', async () => {
    const facts = factsFromError(
      platformError('Axios Error (Response): 404', {
        httpErrorType: 'api-response-error',
        httpErrorStatus: 404,
        httpErrorRequestUrl: 'http://localhost:18000/lms/login_refresh',
        httpErrorRequestMethod: 'post',
        httpErrorResponseData: '(empty response)',
      }),
    );

    const diagnosis = await diagnoseInitError(facts, config, PAGE, probeNeverCalled);

    expect(diagnosis.summary).toBe(
      'POST http://localhost:18000/lms/login_refresh answered 404: LMS_BASE_URL does not point at a working LMS or stub.',
    );
    expect(diagnosis.detail).toContain('with an empty body');
    expect(diagnosis.hint).toContain('Check LMS_BASE_URL (http://localhost:18000)');
  });

  it('blames REFRESH_ACCESS_TOKEN_ENDPOINT when that exact URL failed', async () => {
    const facts = factsFromError(
      platformError('Axios Error (Response): 500', {
        httpErrorType: 'api-response-error',
        httpErrorStatus: 500,
        httpErrorRequestUrl: config.REFRESH_ACCESS_TOKEN_ENDPOINT,
        httpErrorRequestMethod: 'post',
        httpErrorResponseData: 'x'.repeat(1000),
      }),
    );

    const diagnosis = await diagnoseInitError(facts, config, PAGE, probeNeverCalled);

    expect(diagnosis.summary).toContain('answered 500: REFRESH_ACCESS_TOKEN_ENDPOINT');
    expect(diagnosis.detail.length).toBeLessThan(450); // the response body is cut
  });

  it('says nothing answers when the request got no response and the origin is unreachable', async () => {
    const facts = factsFromError(
      platformError('Axios Error (Request)', {
        httpErrorType: 'api-request-error',
        httpErrorRequestUrl: 'http://localhost:18001/api/user/v1/accounts/verified',
        httpErrorRequestMethod: 'get',
      }),
    );

    const diagnosis = await diagnoseInitError(
      facts,
      { ...config, LMS_BASE_URL: 'http://localhost:18001' },
      PAGE,
      probeUnreachable,
    );

    expect(diagnosis.summary).toBe(
      'Nothing answers at http://localhost:18001: is the stub running?',
    );
    expect(diagnosis.detail).toContain('LMS_BASE_URL (http://localhost:18001)');
  });

  it('says CORS blocked the answer when the request got no response but the origin is up', async () => {
    const facts = factsFromError(
      platformError('Axios Error (Request)', {
        httpErrorType: 'api-request-error',
        httpErrorRequestUrl: config.REFRESH_ACCESS_TOKEN_ENDPOINT,
        httpErrorRequestMethod: 'post',
      }),
    );

    const diagnosis = await diagnoseInitError(facts, config, PAGE, probeAnswering);

    expect(diagnosis.summary).toContain('not allowed (CORS)');
    expect(diagnosis.detail).toContain(`does not allow ${PAGE} with credentials`);
    expect(diagnosis.hint).toContain(`Allow ${PAGE} at the stub`);
  });

  it('explains an unreadable JWT cookie by the host names of the page and the LMS', async () => {
    const facts = { message: 'Access token is still null after successful refresh.' };

    const onOtherHost = await diagnoseInitError(
      facts,
      { ...config, REFRESH_ACCESS_TOKEN_ENDPOINT: 'http://127.0.0.1:18000/login_refresh' },
      PAGE,
      probeNeverCalled,
    );
    const onSameHost = await diagnoseInitError(facts, config, PAGE, probeNeverCalled);

    expect(onOtherHost.detail).toContain('The LMS (127.0.0.1) sets');
    expect(onOtherHost.detail).toContain('this page is on localhost');
    expect(onSameHost.detail).toContain('are both on localhost');
  });

  it('explains a return from the login page without a readable cookie', async () => {
    const facts = {
      message: 'Redirect from login page. Rejecting to avoid infinite redirect loop.',
    };

    const diagnosis = await diagnoseInitError(facts, config, PAGE, probeNeverCalled);

    expect(diagnosis.summary).toBe('Came back from the login page still logged out.');
    expect(diagnosis.detail).toContain(config.LOGIN_URL);
  });

  it('falls back to the platform message when the error names no request', async () => {
    const diagnosis = await diagnoseInitError({ message: 'boom' }, config, PAGE, probeNeverCalled);

    expect(diagnosis.summary).toBe('The MFE failed to start: boom');
  });
});

describe('diagnoseStalledBoot', () => {
  it('probes the JWT refresh endpoint and tells "not running" from "blocked"', async () => {
    const probed: string[] = [];
    const recordingProbe =
      (result: 'answered' | 'unreachable'): Probe =>
      async (origin) => {
        probed.push(origin);
        return result;
      };

    const down = await diagnoseStalledBoot(config, PAGE, recordingProbe('unreachable'));
    const blocked = await diagnoseStalledBoot(config, PAGE, recordingProbe('answered'));

    expect(probed).toEqual(['http://localhost:18000', 'http://localhost:18000']);
    expect(down.summary).toBe('Nothing answers at http://localhost:18000: is the stub running?');
    expect(down.detail).toContain('POST http://localhost:18000/login_refresh');
    expect(blocked.summary).toContain('not allowed (CORS)');
  });
});
