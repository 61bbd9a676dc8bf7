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

interface NotificationsApi {
  getNotificationCounts(): Promise<NotificationCounts>;
}
interface ToursApi {
  getNotificationsTours(): Promise<DiscussionTour[]>;
}

export const { getNotificationCounts } = notificationsApi as unknown as NotificationsApi;
export const { getNotificationsTours } = toursApi as unknown as ToursApi;
