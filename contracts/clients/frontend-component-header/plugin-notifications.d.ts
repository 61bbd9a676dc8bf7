// @edx/frontend-plugin-notifications ships JavaScript without type declarations; its data
// modules are typed in notifications.ts beside this file.
declare module '@edx/frontend-plugin-notifications/dist/Notification/data/api';
declare module '@edx/frontend-plugin-notifications/dist/Notification/tours/data/api';
