import { Alert, Button, Container, Spinner } from '@openedx/paragon';
import { useContext, useEffect, useState } from 'react';
import { fetchLearnerHome, type LearnerHome, learnerHomeInitUrl } from './learnerHome';
import { AppContext, redirectToLogout } from './platform';

type CoursesState =
  | { status: 'loading' }
  | { status: 'loaded'; learnerHome: LearnerHome }
  | { status: 'failed'; reason: string };

function describeFailure(error: unknown): string {
  const { message, customAttributes } = error as {
    message?: string;
    customAttributes?: { httpErrorStatus?: number; httpErrorResponseData?: string };
  };
  const status = customAttributes?.httpErrorStatus;
  return status === undefined
    ? `GET ${learnerHomeInitUrl()} failed: ${message ?? String(error)}`
    : `GET ${learnerHomeInitUrl()} answered ${status}: ${customAttributes?.httpErrorResponseData ?? ''}`;
}

function useLearnerHome(): CoursesState {
  const [state, setState] = useState<CoursesState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    fetchLearnerHome().then(
      (learnerHome) => current && setState({ status: 'loaded', learnerHome }),
      (error: unknown) => current && setState({ status: 'failed', reason: describeFailure(error) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

function CourseList({ state }: { state: CoursesState }) {
  if (state.status === 'loading') {
    return <Spinner animation="border" screenReaderText="Loading your courses" />;
  }
  if (state.status === 'failed') {
    return (
      <Alert variant="danger" data-testid="courses-error">
        Could not load your courses. {state.reason}
      </Alert>
    );
  }
  const { courses } = state.learnerHome;
  if (courses.length === 0) {
    return <p data-testid="course-list-empty">You are not enrolled in any course.</p>;
  }
  return (
    <ul className="list-unstyled" data-testid="course-list">
      {courses.map(({ course, courseRun, enrollment }) => (
        <li key={courseRun.courseId} className="border rounded p-3 mb-2" data-testid="course">
          <span className="h5 d-block mb-1" data-testid="course-name">
            {course.courseName}
          </span>
          <code data-testid="course-id">{courseRun.courseId}</code>
          {enrollment?.mode ? (
            <span className="ml-2" data-testid="course-mode">
              ({enrollment.mode})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The logged-in page: the user from AppContext (JWT claims, then hydration) and their courses. */
export function DashboardPage() {
  const { authenticatedUser, config } = useContext(AppContext);
  const courses = useLearnerHome();
  if (!authenticatedUser) return null; // AuthenticatedPageRoute is redirecting to login.
  const signOut = () => redirectToLogout(`${window.location.origin}/`);
  return (
    <Container size="md" className="py-5" data-testid="dashboard">
      <div className="d-flex justify-content-between align-items-start mb-4">
        <div>
          <h1 className="h2 mb-1">
            Welcome, <span data-testid="user-name">{authenticatedUser.name}</span>
          </h1>
          <p className="text-muted mb-0">
            Signed in as <span data-testid="username">{authenticatedUser.username}</span>
            {authenticatedUser.dateJoined ? (
              <span data-testid="member-since">
                {' '}
                · member since {authenticatedUser.dateJoined.slice(0, 10)}
              </span>
            ) : null}
          </p>
        </div>
        <Button variant="outline-primary" onClick={signOut}>
          Sign out
        </Button>
      </div>
      <h2 className="h4">Your courses</h2>
      <CourseList state={courses} />
      <p className="small text-muted mt-4" data-testid="lms-base-url">
        {config.SITE_NAME ? `${String(config.SITE_NAME)} · ` : ''}LMS at {config.LMS_BASE_URL}
      </p>
    </Container>
  );
}
