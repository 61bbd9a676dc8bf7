/**
 * The header's LMS calls are made by the notifications tray it renders by default
 * (frontend-component-header >= 8.2 `HeaderNotificationsSlot` renders @edx/frontend-plugin-
 * notifications' `NotificationsTray`). That plugin is published on npm, so the contracts drive
 * its own api modules, not a copy: only the data modules are imported, not the React tray.
 * This file only states their types (the package ships plain JavaScript).
 */
import * as notificationsApi from '@edx/frontend-plugin-notifications/dist/Notification/data/api';
import * as toursApi from '@edx/frontend-plugin-notifications/dist/Notification/tours/data/api';

/** GET /api/notifications/count/, as the LMS's NotificationCountView answers it. */
export interface NotificationCounts {
  count: number;
  count_by_app_name: Record<string, number>;
  show_notifications_tray: boolean;
  notification_expiry_days: number;
  is_new_notification_view_enabled: boolean;
}

/** One entry of GET /api/user_tours/discussion_tours/. */
export interface DiscussionTour {
  id: number;
  tour_name: string;
  show_tour: boolean;
}

/** One page of GET /api/notifications/ (the tray's list, newest first). */
export interface NotificationPage {
  next: string | null;
  previous: string | null;
  count: number;
  num_pages: number;
  current_page: number;
  start: number;
  results: {
    id: number;
    app_name: string;
    notification_type: string;
    content: string;
    content_context: Record<string, unknown>;
    content_url: string;
    course_id: string;
    last_read: string | null;
    last_seen: string | null;
    created: string;
  }[];
}

interface NotificationsApi {
  getNotificationCounts(): Promise<NotificationCounts>;
  /** The tray asks for page 1 of 10 with trayOpened=true when it opens, then marks them seen. */
  getNotificationsList(
    appName: string,
    page: number,
    pageSize: number,
    trayOpened: boolean,
  ): Promise<NotificationPage>;
  markNotificationSeen(appName: string): Promise<{ message: string }>;
  markAllNotificationRead(appName: string): Promise<{ message: string }>;
  /** A click on a notification marks it read, then opens its content_url in a new tab. */
  markNotificationRead(notificationId: number): Promise<{ data: { message: string }; id: number }>;
}
interface ToursApi {
  getNotificationsTours(): Promise<DiscussionTour[]>;
  updateNotificationsTour(tourId: number): Promise<DiscussionTour>;
}

export const {
  getNotificationCounts,
  getNotificationsList,
  markNotificationSeen,
  markAllNotificationRead,
  markNotificationRead,
} = notificationsApi as unknown as NotificationsApi;
export const { getNotificationsTours, updateNotificationsTour } = toursApi as unknown as ToursApi;
