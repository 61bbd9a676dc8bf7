/**
 * What the learning MFE shows of a course besides its state parameters: its number, the usage
 * keys and titles of its first section, sequence and units. The LMS keys its outline and
 * navigation answers by usage key, and a map key cannot come from a provider state, so each
 * course of the persona file has its contracts recorded with its own content: the stub then
 * answers each course with the interaction recorded for it (the closest recorded state
 * parameters win, docs/using-the-stub.md), and Stub101 looks like Stub101.
 *
 * The first unit of each course is the `unit_id` of its state; the second is where "next"
 * goes, so the unit page has somewhere to move to.
 */
import { type CourseParams, DEMO_COURSE, STUB101_COURSE } from './states';

export interface UnitContent {
  id: string;
  title: string;
  /** The icon the MFE shows (the unit's main block type). */
  type: 'problem' | 'video' | 'other';
  /** A sentence of the unit's content, shown in the iframe. */
  text: string;
}

export interface CourseContent {
  params: CourseParams;
  /** The course number, as the LMS's course_metadata and courseware APIs send it. */
  number: string;
  rootId: string;
  section: { id: string; title: string };
  sequence: { title: string; format: string };
  units: readonly [UnitContent, UnitContent];
  welcomeHtml: string;
}

const blockKey = (course: CourseParams, type: string, block: string) =>
  `${course.course_id.replace('course-v1:', 'block-v1:')}+type@${type}+block@${block}`;

/** The Open edX demo course, with the usage keys of its "Homework - Question Styles" sequence. */
export const DEMO_CONTENT: CourseContent = {
  params: DEMO_COURSE,
  number: 'DemoX',
  rootId: blockKey(DEMO_COURSE, 'course', 'course'),
  section: {
    id: blockKey(DEMO_COURSE, 'chapter', 'interactive_demonstrations'),
    title: 'Example Week 1: Getting Started',
  },
  sequence: { title: 'Homework - Question Styles', format: 'Homework' },
  units: [
    {
      id: DEMO_COURSE.unit_id,
      title: 'Pointing on a Picture',
      type: 'problem',
      text: 'Click on the picture where the ball is.',
    },
    {
      id: blockKey(DEMO_COURSE, 'vertical', 'vertical_1dd8ad2cf4b5'),
      title: 'Drag and Drop',
      type: 'problem',
      text: 'Drag each word to the box it belongs in.',
    },
  ],
  welcomeHtml: '<p>Welcome to the Demonstration Course.</p>',
};

/** Stub101, the course the verified learner audits in the persona file. */
export const STUB101_CONTENT: CourseContent = {
  params: STUB101_COURSE,
  number: 'Stub101',
  rootId: blockKey(STUB101_COURSE, 'course', 'course'),
  section: {
    id: blockKey(STUB101_COURSE, 'chapter', 'week_1'),
    title: 'Week 1: A Fake LMS',
  },
  sequence: { title: 'Getting Started', format: 'Lesson' },
  units: [
    {
      id: STUB101_COURSE.unit_id,
      title: 'First Steps',
      type: 'other',
      text: 'Start the stub with npm start and point your MFE at it.',
    },
    {
      id: blockKey(STUB101_COURSE, 'vertical', 'personas'),
      title: 'Personas',
      type: 'video',
      text: 'Log in as another persona to see the course as they do.',
    },
  ],
  welcomeHtml: '<p>Welcome to Working With a Stub LMS.</p>',
};
