// The "Vérifier une adresse" form: address or coordinates, optional date; errors shown on their fields.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { type FormEvent, useState } from "react";
import type { LocateInput } from "./geo.api.ts";
import { geoText } from "./geo.fr.ts";
import { type LocateFormErrors, type LocateFormValues, type LocateMode, validateLocateForm } from "./locate-form.domain.ts";

const t = geoText.form;

const fieldState = (message: string | undefined) =>
  message ? ({ state: "error", stateRelatedMessage: message } as const) : ({ state: "default" } as const);

export const LocateForm = ({ busy, onSubmit }: { busy: boolean; onSubmit: (input: LocateInput) => void }) => {
  const [values, setValues] = useState<LocateFormValues>({ mode: "address", address: "", lat: "", lon: "", date: "" });
  const [errors, setErrors] = useState<LocateFormErrors>({});
  const set = (field: keyof LocateFormValues) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateLocateForm(values);
    if ("errors" in result) {
      setErrors(result.errors);
      const firstField = (["address", "lat", "lon", "date"] as const).find((field) => result.errors[field]);
      if (firstField) document.getElementById(`locate-${firstField}`)?.focus();
      return;
    }
    setErrors({});
    onSubmit(result.input);
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby="locate-privacy">
      <RadioButtons
        legend={t.legend}
        orientation="horizontal"
        options={(["address", "coordinates"] as const).map((mode: LocateMode) => ({
          label: mode === "address" ? t.modeAddress : t.modeCoordinates,
          nativeInputProps: { name: "mode", value: mode, checked: values.mode === mode, onChange: () => setValues((v) => ({ ...v, mode })) },
        }))}
      />
      {values.mode === "address" ? (
        <Input
          label={t.address}
          hintText={t.addressHint}
          {...fieldState(errors.address)}
          nativeInputProps={{ id: "locate-address", name: "address", value: values.address, onChange: set("address"), autoComplete: "street-address", required: true }}
        />
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t.lat}
              hintText={t.latHint}
              {...fieldState(errors.lat)}
              nativeInputProps={{ id: "locate-lat", name: "lat", value: values.lat, onChange: set("lat"), inputMode: "decimal", required: true }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t.lon}
              hintText={t.lonHint}
              {...fieldState(errors.lon)}
              nativeInputProps={{ id: "locate-lon", name: "lon", value: values.lon, onChange: set("lon"), inputMode: "decimal", required: true }}
            />
          </div>
        </div>
      )}
      <Input
        label={t.date}
        hintText={t.dateHint}
        {...fieldState(errors.date)}
        nativeInputProps={{ id: "locate-date", name: "date", type: "date", value: values.date, onChange: set("date") }}
      />
      <Button type="submit" disabled={busy} iconId="fr-icon-search-line" iconPosition="left">
        {busy ? t.submitting : t.submit}
      </Button>
    </form>
  );
};
