import { Container } from '@openedx/paragon';
import { Route, Routes } from 'react-router-dom';
import { DashboardPage } from './DashboardPage';
import { AppProvider, AuthenticatedPageRoute } from './platform';

function NotFound() {
  return (
    <Container size="md" className="py-5" data-testid="not-found">
      <h1 className="h3">Page not found</h1>
      <a href="/">Go to your courses</a>
    </Container>
  );
}

/** AppProvider supplies AppContext (user, config), i18n, the error boundary and the router. */
export function App() {
  return (
    <AppProvider>
      <Routes>
        <Route
          path="/"
          element={
            <AuthenticatedPageRoute>
              <DashboardPage />
            </AuthenticatedPageRoute>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppProvider>
  );
}
