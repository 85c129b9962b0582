#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noshell
%%
%% erl_bad: records with bad values, written by Erlang/OTP asn1 (an
%% encoder that is not ours) for the receive policy of our BER reader.
%%
%% Usage: escript tests/oracle/erl_bad.escript BEAMDIR OUTDIR
%%
%% BEAMDIR holds WCHG-PCSCFRecord.beam and WCHG-OracleRecords.beam
%% (erlc -bber +der +maps).  Erlang's BER encoder writes what it is given
%% for an OCTET STRING, a character string or an INTEGER without checking
%% the constraints, so it writes TimeStamps that are no time, text outside
%% its alphabet and numbers outside their range.  For each case it writes
%%     OUTDIR/bad_NAME.der    one pCSCFRecord (DER)
%%     OUTDIR/bad_NAME.paths  the field paths wchg_cdr_validate must name
%%                            (the JSON view's), one a line
%% and then OUTDIR/mixed.der: pCSCFRecord, sCSCFRecord and aSRecord
%% records one after the other (see mixed/0), and prints
%%     erl_bad: N records with bad values, M records in mixed.der (K other)
%%
%% SPDX-License-Identifier: BSD-2-Clause

-mode(compile).

-define(CDR, 'WCHG-PCSCFRecord').
-define(ORACLE, 'WCHG-OracleRecords').
-define(R, "pCSCFRecord/").

main([BeamDir, OutDir]) ->
    true = code:add_patha(BeamDir),
    ok = filelib:ensure_dir(filename:join(OutDir, "x")),
    N = lists:foldl(fun(Case, Acc) -> write_case(OutDir, Case), Acc + 1 end,
                    0, cases()),
    Mixed = mixed(),
    Others = length([R || {Alt, _} = R <- Mixed, Alt =/= pCSCFRecord]),
    Bin = << <<(encode(?ORACLE, 'OracleIMSRecord', R))/binary>> || R <- Mixed >>,
    ok = file:write_file(filename:join(OutDir, "mixed.der"), Bin),
    io:format("erl_bad: ~b records with bad values, ~b records in mixed.der (~b other)~n",
              [N, length(Mixed), Others]);
main(_) ->
    io:format(standard_error, "usage: erl_bad.escript BEAMDIR OUTDIR~n", []),
    halt(2).

encode(Mod, Type, Value) ->
    case Mod:encode(Type, Value) of
        {ok, Bin} -> Bin;
        {error, Why} ->
            io:format(standard_error, "erl_bad: cannot encode ~p: ~p~n", [Value, Why]),
            halt(1)
    end.

write_case(OutDir, {Name, Fields, Paths}) ->
    Bin = encode(?CDR, 'IMSRecord', {pCSCFRecord, maps:merge(base(), Fields)}),
    Base = filename:join(OutDir, "bad_" ++ Name),
    ok = file:write_file(Base ++ ".der", Bin),
    ok = file:write_file(Base ++ ".paths", [[?R, P, $\n] || P <- Paths]).

%% A valid record of the usual shape; each case adds or replaces fields.
base() ->
    #{recordType => 64,
      'sIP-Method' => "INVITE",
      'role-of-Node' => originating,
      nodeAddress => {iPAddress, {iPBinaryAddress, {iPBinV4Address, <<192, 0, 2, 10>>}}},
      'session-Id' => "b8e2f0a1@pcscf.ims.example",
      recordOpeningTime => ts(),
      'iMS-Charging-Identifier' => <<"icid-oracle-1">>}.

ts() -> <<16#26, 16#01, 16#15, 16#13, 16#45, 16#30, $+, 16#01, 16#00>>.

%% TimeStamps that are no time: a day of 0xAA, a month 13, a sign that is
%% a space, 8 and 10 octets.
bad_bcd() -> <<16#26, 16#01, 16#AA, 16#13, 16#45, 16#30, $+, 16#01, 16#00>>.
month13() -> <<16#26, 16#13, 16#15, 16#13, 16#45, 16#30, $+, 16#01, 16#00>>.
no_sign() -> <<16#26, 16#01, 16#15, 16#13, 16#45, 16#30, $\s, 16#01, 16#00>>.
short_ts() -> <<16#26, 16#01, 16#15, 16#13, 16#45, 16#30, $+, 16#01>>.
long_ts() -> <<16#20, 16#26, 16#01, 16#15, 16#13, 16#45, 16#30, $+, 16#01, 16#00>>.

not_utf8() -> <<"caf", 16#E9, "!">>.

cases() ->
    [%% TimeStamps of the record itself
     {"service_request_time", #{serviceRequestTimeStamp => bad_bcd()},
      ["serviceRequestTimeStamp"]},
     {"delivery_times", #{serviceDeliveryStartTimeStamp => month13(),
                          serviceDeliveryEndTimeStamp => no_sign()},
      ["serviceDeliveryStartTimeStamp", "serviceDeliveryEndTimeStamp"]},
     {"opening_closure", #{recordOpeningTime => bad_bcd(), recordClosureTime => month13()},
      ["recordOpeningTime", "recordClosureTime"]},
     {"opening_8_octets", #{recordOpeningTime => short_ts()}, ["recordOpeningTime"]},
     %% nested TimeStamps: media components, early media, access network
     %% changes, called identity changes, access transfers
     {"media_components",
      #{'list-Of-SDP-Media-Components' =>
            [#{'sIP-Request-Timestamp' => ts(), 'sIP-Response-Timestamp' => ts(),
               'sDP-Type' => 'sDP-offer'},
             #{'sIP-Request-Timestamp' => bad_bcd(), 'sIP-Response-Timestamp' => long_ts(),
               'sDP-Media-Components' =>
                   [#{'sDP-Media-Name' => "audio",
                      'sDP-Media-Descriptions' => ["a=rtpmap:111 opus/48000/2",
                                                   <<"a=", 16#FF, "x">>]}]}]},
      ["list-Of-SDP-Media-Components[1]/sIP-Request-Timestamp",
       "list-Of-SDP-Media-Components[1]/sIP-Response-Timestamp",
       "list-Of-SDP-Media-Components[1]/sDP-Media-Components[0]/sDP-Media-Descriptions[1]"]},
     {"early_media",
      #{'list-Of-Early-SDP-Media-Components' =>
            [#{'sDP-Offer-Timestamp' => no_sign(), 'sDP-Answer-Timestamp' => bad_bcd(),
               'sDP-Session-Description' => ["v=0", "s=\t-"]}]},
      ["list-Of-Early-SDP-Media-Components[0]/sDP-Offer-Timestamp",
       "list-Of-Early-SDP-Media-Components[0]/sDP-Answer-Timestamp",
       "list-Of-Early-SDP-Media-Components[0]/sDP-Session-Description[1]"]},
     {"access_network_changes",
      #{'list-Of-AccessNetworkInfoChange' =>
            [#{accessNetworkInformation => <<"3GPP-E-UTRAN-FDD">>, accessChangeTime => ts()},
             #{accessChangeTime => month13()}]},
      ["list-Of-AccessNetworkInfoChange[1]/accessChangeTime"]},
     {"called_identity_changes",
      #{listOfCalledIdentityChanges =>
            [#{calledIdentity => {'sIP-URI', "sip:bob@example.net"}, changeTime => bad_bcd()}]},
      ["listOfCalledIdentityChanges[0]/changeTime"]},
     {"access_transfers",
      #{'list-Of-AccessTransferInformation' =>
            [#{accessTransferType => pSToPS, accessTransferTime => short_ts()}]},
      ["list-Of-AccessTransferInformation[0]/accessTransferTime"]},
     %% text outside its alphabet
     {"utf8_strings", #{event => not_utf8(), serviceContextID => <<16#C3, 16#28>>},
      ["event", "serviceContextID"]},
     {"graphic_strings", #{'sIP-Method' => "INV\x01ITE", privateUserID => "user\x7f@ims",
                           'transit-IOI-Lists' => ["ioi.example", "ioi\nexample"]},
      ["sIP-Method", "privateUserID", "transit-IOI-Lists[1]"]},
     {"message_bodies",
      #{'list-Of-Message-Bodies' =>
            [#{'content-Type' => "application/sdp", 'content-Length' => 120},
             #{'content-Type' => "text/\rplain", 'content-Disposition' => not_utf8(),
               'content-Length' => 5, originator => {'tEL-URI', "tel:+1\x1b"}}]},
      ["list-Of-Message-Bodies[1]/content-Type", "list-Of-Message-Bodies[1]/content-Disposition",
       "list-Of-Message-Bodies[1]/originator/tEL-URI"]},
     {"party_addresses",
      #{'list-Of-Calling-Party-Address' => [{'sIP-URI', "sip:alice@example.net"},
                                            {externalId, not_utf8()}],
        'called-Party-Address' => {'sIP-URI', <<"sip:", 16#80, "@x">>}},
      ["list-Of-Calling-Party-Address[1]/externalId", "called-Party-Address/sIP-URI"]},
     {"ia5_address",
      #{nodeAddress => {iPAddress, {iPTextRepresentedAddress,
                                    {iPTextV4Address, <<"192.0.2.", 16#B9>>}}}},
      ["nodeAddress/iPAddress/iPTextRepresentedAddress/iPTextV4Address"]},
     %% numbers out of their range, sizes
     {"milliseconds",
      #{serviceRequestTimeStampFraction => 1000,
        'list-Of-SDP-Media-Components' => [#{'sIP-Request-Timestamp-Fraction' => 65535}]},
      ["serviceRequestTimeStampFraction",
       "list-Of-SDP-Media-Components[0]/sIP-Request-Timestamp-Fraction"]},
     {"wide_integers", #{localRecordSequenceNumber => 4294967296,
                         recordSequenceNumber => 1 bsl 70},
      ["localRecordSequenceNumber", "recordSequenceNumber"]},
     {"sizes", #{mSTimeZone => <<16#40, 0, 0>>,
                 nodeAddress => {iPAddress, {iPBinaryAddress, {iPBinV4Address, <<192, 0, 2, 10, 0>>}}}},
      ["mSTimeZone", "nodeAddress/iPAddress/iPBinaryAddress/iPBinV4Address"]}].

%% A stream as a CDF's file holds it: our records among the others.
mixed() ->
    Other = fun(Type, Method) ->
                    #{recordType => Type, 'sIP-Method' => Method,
                      'session-Id' => "b8e2f0a1@pcscf.ims.example", recordOpeningTime => ts()}
            end,
    [{pCSCFRecord, base()},
     {sCSCFRecord, Other(63, "INVITE")},
     {aSRecord, Other(69, "INVITE")},
     {pCSCFRecord, maps:merge(base(), #{recordClosureTime => bad_bcd(), event => not_utf8()})},
     {sCSCFRecord, Other(63, "BYE")},
     {pCSCFRecord, maps:merge(base(), #{'sIP-Method' => "BYE"})}].
