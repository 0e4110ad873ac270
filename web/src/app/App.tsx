import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from './session.tsx';
import { Shell } from './Shell.tsx';
import { LoginPage } from './LoginPage.tsx';
import { OidcCallbackPage } from './OidcLogin.tsx';
import { StartPage } from './StartPage.tsx';
import { PartnershipPage } from './PartnershipPage.tsx';
import { NotFound, RequireAuth } from './RequireAuth.tsx';
import { featureRoutes } from './features.ts';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Shell />}>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/login/oidc" element={<OidcCallbackPage />} />
            <Route path="/" element={<RequireAuth><StartPage /></RequireAuth>} />
            <Route path="/partnership" element={<RequireAuth><PartnershipPage /></RequireAuth>} />
            {featureRoutes.map((r) => (
              <Route key={r.key} path={r.path} element={r.public ? r.element : <RequireAuth roles={r.roles}>{r.element}</RequireAuth>} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
