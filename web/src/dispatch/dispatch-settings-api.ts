import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ModelVersionInfo } from '../../../common/model-versions.js';
import { api } from '../app/api.js';

/** GET/PUT /api/settings/dispatch. */
export interface DispatchSettings {
  autoDispatch: boolean;
  notifyEveryNewCase: boolean;
}

/** GET/PUT /api/settings/classifier. */
export interface ClassifierSettings {
  minConfidence: number;
  autoDispatch: boolean;
}

export type ModelVersion = ModelVersionInfo;

const dispatchKey = ['settings', 'dispatch'] as const;
const classifierKey = ['settings', 'classifier'] as const;

export function useDispatchSettings() {
  return useQuery({ queryKey: dispatchKey, queryFn: ({ signal }) => api<DispatchSettings>('/api/settings/dispatch', { signal }) });
}

export function useClassifierSettings() {
  return useQuery({ queryKey: classifierKey, queryFn: ({ signal }) => api<ClassifierSettings>('/api/settings/classifier', { signal }) });
}

export function useModelVersions() {
  return useQuery({ queryKey: ['dispatch', 'model'], queryFn: ({ signal }) => api<{ versions: ModelVersion[] }>('/api/dispatch/model', { signal }) });
}

/** Changes one or both dispatch settings; the page shows what the server kept. */
export function useSaveDispatchSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<DispatchSettings>) => api<DispatchSettings>('/api/settings/dispatch', { method: 'PUT', body: patch }),
    onSuccess: (saved) => queryClient.setQueryData(dispatchKey, saved),
  });
}

export function useSaveClassifierSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (next: ClassifierSettings) => api<ClassifierSettings>('/api/settings/classifier', { method: 'PUT', body: next }),
    onSuccess: (saved) => queryClient.setQueryData(classifierKey, saved),
  });
}
