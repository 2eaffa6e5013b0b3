import './zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserStorage } from './lessons/progress';
import { createAppStore } from './store/appStore';
import { StoreContext } from './store/context';
import { createLessonStore } from './store/lessonStore';
import { rebuildInWorker } from './view/lessons/workerRebuilder';
import { startRunLoop } from './store/runLoop';
import { App } from './view/App';
import { LabBoundary } from './view/common/LabBoundary';
import { rootErrorOptions } from './view/common/rootErrorOptions';
import { DeterminismPage } from './view/determinism/DeterminismPage';
import { LessonContext } from './view/lessons/lessonContext';
import { startLessonLinks } from './view/lessons/lessonLinks';
import { startExperimentLinks } from './view/share/experimentLinks';
import { parseDisplayOptions } from './share/displayOptions';
import { applyDisplayOptions } from './view/share/applyDisplayOptions';
import { DisplayContext } from './view/share/displayContext';
import { startHostApi } from './view/share/hostApi';
import { registerOffline } from './view/share/registerOffline';
import { createWorkerPort } from './worker/ports';
import './view/app.css';
import './view/lab.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

// `?check` opens the determinism check (a whole run in a worker vs. the Node runner's hash).
const check = new URLSearchParams(window.location.search).has('check');
const root = createRoot(container, rootErrorOptions);
if (check) {
  root.render(
    <StrictMode>
      <LabBoundary reloadable>
        <DeterminismPage />
      </LabBoundary>
    </StrictMode>,
  );
} else {
  const { options, problems } = parseDisplayOptions(window.location.search);
  const store = createAppStore(createWorkerPort());
  const lessons = createLessonStore(store, browserStorage(), rebuildInWorker);
  startRunLoop(store);
  startLessonLinks(lessons);
  startExperimentLinks(store);
  applyDisplayOptions(store, lessons, options, problems);
  if (options.host) startHostApi(store, options.host);
  registerOffline();
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <LessonContext.Provider value={lessons}>
          <DisplayContext.Provider value={options}>
            <LabBoundary reloadable>
              <App />
            </LabBoundary>
          </DisplayContext.Provider>
        </LessonContext.Provider>
      </StoreContext.Provider>
    </StrictMode>,
  );
}
